// Formatting buttons above the text box, with the shortcuts editors know (Ctrl+B,
// Ctrl+I, Ctrl+K). A toolbar in the ARIA pattern: one Tab stop, arrows move along.
import { say } from "./strings.js";

const TOOLS = [
  { name: "bold", label: "Bold", shown: "B", key: "b", wrap: ["**", "**", "bold text"] },
  { name: "italic", label: "Italic", shown: "I", key: "i", wrap: ["*", "*", "italic text"] },
  { name: "heading", label: "Heading", shown: "H", line: "## ", wrap: ["", "", "Heading"] },
  { name: "link", label: "Link to a page", shown: "[[ ]]", key: "k", wrap: ["[[", "]]", "Page title"] },
  { name: "file", label: "Picture", wrap: ["[[File:", "|thumb|Caption]]", "Name.jpg"] },
  { name: "category", label: "Category", wrap: ["[[Category:", "]]", "Name"] },
  { name: "footnote", label: "Footnote", shown: "[^]", footnote: true },
  { name: "table", label: "Table", block: "| Heading | Heading |\n| --- | --- |\n| Text | Text |\n" },
];

// Put `before` and `after` round the selection (or `placeholder`, selected).
export function wrapSelection(box, before, after, placeholder) {
  const { selectionStart: start, selectionEnd: end, value } = box;
  const inner = value.slice(start, end) || placeholder;
  replaceRange(box, start, end, before + inner + after);
  box.setSelectionRange(start + before.length, start + before.length + inner.length);
}

// Replace the text from `start` to `end` in a way the browser can undo.
export function replaceRange(box, start, end, text) {
  box.focus();
  box.setSelectionRange(start, end);
  if (!document.execCommand || !document.execCommand("insertText", false, text)) {
    box.setRangeText(text, start, end, "end");
  }
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

function apply(box, tool) {
  if (tool.block) {
    const at = box.selectionEnd;
    const gap = at && box.value[at - 1] !== "\n" ? "\n\n" : "";
    replaceRange(box, at, at, gap + tool.block);
  } else if (tool.footnote) {
    const numbers = [...box.value.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
    const next = numbers.length ? Math.max(...numbers) + 1 : 1;
    const at = box.selectionEnd;
    replaceRange(box, at, at, `[^${next}]`);
    const end = box.value.length;
    const gap = box.value.endsWith("\n") ? "\n" : "\n\n";
    replaceRange(box, end, end, `${gap}[^${next}]: `);
  } else if (tool.line) {
    const lineStart = box.value.lastIndexOf("\n", box.selectionStart - 1) + 1;
    box.setSelectionRange(lineStart, box.selectionEnd);
    wrapSelection(box, tool.line, "", tool.wrap[2]);
  } else {
    wrapSelection(box, ...tool.wrap);
  }
}

export function addToolbar(box) {
  const bar = document.createElement("div");
  bar.className = "edit-toolbar btn-toolbar gap-1 mb-1";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", say("toolbar", "Formatting"));
  bar.setAttribute("aria-controls", box.id);
  const buttons = TOOLS.map((tool, n) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `btn btn-sm btn-outline-secondary tool-${tool.name}`;
    const label = say(`tool_${tool.name}`, tool.label);
    // A tool without a sign of its own shows its name, so what is seen is what a
    // voice user says.
    button.textContent = tool.shown || label;
    button.setAttribute("aria-label", label);
    button.title = tool.key ? `${label} (Ctrl+${tool.key.toUpperCase()})` : label;
    if (tool.key) {
      button.setAttribute("aria-keyshortcuts", `Control+${tool.key.toUpperCase()}`);
    }
    button.tabIndex = n === 0 ? 0 : -1;
    button.addEventListener("click", () => apply(box, tool));
    bar.appendChild(button);
    return button;
  });
  bar.addEventListener("keydown", (event) => {
    const steps = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (!(event.key in steps)) {
      return;
    }
    event.preventDefault();
    const now = buttons.indexOf(document.activeElement);
    const step = steps[event.key];
    const last = buttons.length - 1;
    const next = Number.isFinite(step)
      ? (now + step + buttons.length) % buttons.length
      : step > 0 ? last : 0;
    buttons.forEach((button, n) => (button.tabIndex = n === next ? 0 : -1));
    buttons[next].focus();
  });
  box.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) {
      return;
    }
    const tool = TOOLS.find((t) => t.key === event.key.toLowerCase());
    if (tool) {
      event.preventDefault();
      apply(box, tool);
    }
  });
  box.before(bar);
}
