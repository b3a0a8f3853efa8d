// Loaded on the page a successful save lands on: the drafts of the form that was
// submitted are saved now, so the browser forgets them.
import { PREFIX } from "./drafts.js";

for (let n = window.localStorage.length - 1; n >= 0; n--) {
  const key = window.localStorage.key(n);
  if (key && key.startsWith(PREFIX)) {
    try {
      if (JSON.parse(window.localStorage.getItem(key)).submitted) {
        window.localStorage.removeItem(key);
      }
    } catch {
      window.localStorage.removeItem(key);
    }
  }
}
