// The edit form's helpers, each in a module of its own: a formatting toolbar, link
// suggestions after [[, a live preview beside the form, and drafts kept in the
// browser. The form works the same without any of them.
import { addToolbar } from "./toolbar.js";
import { keepDrafts } from "./drafts.js";
import { livePreview } from "./preview.js";
import { suggestLinks } from "./link-suggestions.js";

const form = document.getElementById("edit-form");
const body = form && form.elements.namedItem("body");
if (body) {
  addToolbar(body);
  suggestLinks(body, form.dataset.suggest);
  livePreview(form, body, document.getElementById("live-preview"));
  keepDrafts(form, body);
}
