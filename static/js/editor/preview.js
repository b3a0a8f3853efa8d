// The text rendered beside the form as one types: 300 ms after the last key, the
// form's text is posted to the preview address (the renderer a save uses, CSRF and
// rate-limited) and its answer shown. Answers that arrive late are dropped.
import { say } from "./strings.js";

const PAUSE_MS = 300;

export function livePreview(form, box, pane) {
  if (!pane || !form.dataset.preview) {
    return;
  }
  const shown = pane.querySelector(".wiki-body");
  const token = form.elements.namedItem("csrfmiddlewaretoken");
  let timer = null;
  let asked = 0;

  function render() {
    const number = ++asked;
    const data = new FormData();
    data.append("body", box.value);
    pane.setAttribute("aria-busy", "true");
    fetch(form.dataset.preview, {
      method: "POST",
      body: data,
      headers: { "X-CSRFToken": token ? token.value : "" },
      credentials: "same-origin",
    })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        if (number === asked) {
          const parsed = new DOMParser().parseFromString(html, "text/html");
          shown.replaceChildren(...parsed.body.childNodes);
        }
      })
      .catch(() => {
        if (number === asked) {
          const note = document.createElement("p");
          note.className = "text-body-secondary";
          note.textContent = say("preview_failed", "The preview could not be drawn just now.");
          shown.replaceChildren(note);
        }
      })
      .finally(() => number === asked && pane.removeAttribute("aria-busy"));
  }

  pane.hidden = false;
  form.closest(".edit-layout").classList.add("has-live-preview");
  box.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, PAUSE_MS);
  });
  render();
}
