// The editor's words in the reader's language, which the page holds as JSON
// (wiki.views.editing_aids.editor_strings); English where it holds none.
const element = document.getElementById("editor-strings");
const strings = element ? JSON.parse(element.textContent) : {};

export function say(name, fallback, values = {}) {
  const text = strings[name] || fallback;
  return text.replace(/%\((\w+)\)s/g, (whole, key) => (key in values ? values[key] : whole));
}
