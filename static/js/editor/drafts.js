// The form's text kept in the browser as one types (localStorage, per page, base
// revision and section), so that a closed tab or a crash loses nothing: the next
// visit offers it back. A save that succeeds drops it (drafts-saved.js); leaving a
// changed form asks first.
import { say } from "./strings.js";

export const PREFIX = "wiki-draft:";
const PAUSE_MS = 500;

function read(key) {
  try {
    return JSON.parse(window.localStorage.getItem(key));
  } catch {
    return null;
  }
}

function write(key, draft) {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the form still works, only without a draft.
  }
}

function offer(form, box, key, draft) {
  const notice = document.createElement("div");
  notice.className = "alert alert-info d-flex flex-wrap gap-2 align-items-center";
  notice.id = "draft-notice";
  notice.setAttribute("role", "status");
  const text = document.createElement("p");
  text.className = "mb-0 me-auto";
  const when = new Date(draft.savedAt).toLocaleString(document.documentElement.lang);
  text.textContent = say("draft_found", "You have an unsaved draft of this text from %(when)s.", { when });
  const restore = document.createElement("button");
  restore.type = "button";
  restore.className = "btn btn-sm btn-primary";
  restore.id = "draft-restore";
  restore.textContent = say("draft_restore", "Restore it");
  const discard = document.createElement("button");
  discard.type = "button";
  discard.className = "btn btn-sm btn-secondary";
  discard.id = "draft-discard";
  discard.textContent = say("draft_discard", "Discard it");
  restore.addEventListener("click", () => {
    box.value = draft.text;
    const summary = form.elements.namedItem("summary");
    if (summary && draft.summary) {
      summary.value = draft.summary;
    }
    box.dispatchEvent(new Event("input", { bubbles: true }));
    notice.remove();
    box.focus();
  });
  discard.addEventListener("click", () => {
    window.localStorage.removeItem(key);
    notice.remove();
    box.focus();
  });
  notice.append(text, restore, discard);
  form.before(notice);
}

export function keepDrafts(form, box) {
  if (!form.dataset.draft) {
    return;
  }
  const key = PREFIX + form.dataset.draft;
  const original = box.value;
  const kept = read(key);
  if (kept && kept.text !== original) {
    offer(form, box, key, kept);
  }
  let timer = null;
  let leaving = false;
  const summary = form.elements.namedItem("summary");
  const keep = () =>
    write(key, {
      text: box.value,
      summary: summary ? summary.value : "",
      savedAt: Date.now(),
      submitted: leaving,
    });
  const changed = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(keep, PAUSE_MS);
  };
  box.addEventListener("input", changed);
  if (summary) {
    summary.addEventListener("input", changed);
  }
  form.addEventListener("submit", () => {
    leaving = true;
    window.clearTimeout(timer);
    keep();
  });
  window.addEventListener("beforeunload", (event) => {
    if (!leaving && box.value !== original) {
      keep();
      event.preventDefault();
      event.returnValue = "";
    }
  });
}
