// After `[[` in the text box, the titles the link may name: pages (a redirect with
// the page it leads to), `File:` uploads and `Category:` categories, from the
// suggestions address. Up and Down choose, Enter or Tab inserts the link, Escape
// closes the list; the focus never leaves the text box.
import { Listbox } from "./listbox.js";
import { replaceRange } from "./toolbar.js";
import { say } from "./strings.js";

const PAUSE_MS = 150;
const OPEN_LINK = /\[\[([^\[\]|\n]{0,200})$/;

// Where in the box the caret is drawn, for the list to open under it: a copy of the
// box's text up to the caret, laid out the same, measured.
function caretPoint(box) {
  const mirror = document.createElement("div");
  const style = window.getComputedStyle(box);
  for (const name of ["font", "lineHeight", "padding", "border", "boxSizing", "letterSpacing", "tabSize"]) {
    mirror.style[name] = style[name];
  }
  Object.assign(mirror.style, {
    position: "absolute",
    visibility: "hidden",
    whiteSpace: "pre-wrap",
    overflowWrap: "break-word",
    width: `${box.clientWidth}px`,
  });
  mirror.textContent = box.value.slice(0, box.selectionEnd);
  const marker = document.createElement("span");
  marker.textContent = "\u200b";
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const top = marker.offsetTop + marker.offsetHeight - box.scrollTop;
  const left = marker.offsetLeft;
  mirror.remove();
  return { top: Math.min(top, box.clientHeight), left };
}

export function suggestLinks(box, address) {
  if (!address) {
    return;
  }
  const wrapper = document.createElement("div");
  wrapper.className = "link-suggestions-anchor";
  box.before(wrapper);
  wrapper.appendChild(box);
  const list = new Listbox(box, {
    label: say("suggestions", "Pages to link"),
    className: "link-suggestions",
    onPick: insert,
  });
  wrapper.appendChild(list.element);
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  wrapper.appendChild(status);
  let timer = null;
  let asked = null;

  function typedLink() {
    const before = box.value.slice(0, box.selectionEnd);
    const match = box.selectionStart === box.selectionEnd && OPEN_LINK.exec(before);
    return match ? match[1] : null;
  }

  function insert(title) {
    const typed = typedLink();
    if (typed === null) {
      list.close();
      return;
    }
    const end = box.selectionEnd;
    const closes = box.value.slice(end, end + 2) === "]]";
    replaceRange(box, end - typed.length, end + (closes ? 2 : 0), `${title}]]`);
    list.close();
    status.textContent = "";
  }

  function ask() {
    const typed = typedLink();
    if (typed === null) {
      list.close();
      return;
    }
    asked = typed;
    fetch(`${address}?q=${encodeURIComponent(typed)}`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer) => {
        if (!answer || answer.query !== asked || typedLink() !== asked) {
          return;
        }
        list.show(
          answer.suggestions.map((found) => ({
            text: found.title,
            value: found.title,
            note: found.redirect_to ? say("redirect", "→ %(target)s", { target: found.redirect_to }) : "",
          })),
        );
        if (list.isOpen) {
          const { top, left } = caretPoint(box);
          // Under the caret, moved left as far as it takes to stay inside the box.
          const room = box.offsetWidth - list.element.offsetWidth;
          list.element.style.top = `${top + box.offsetTop}px`;
          list.element.style.left = `${Math.max(Math.min(left, room), 0)}px`;
        }
        status.textContent = say("suggestions_found", "Suggestions: %(count)s", { count: answer.suggestions.length });
      })
      .catch(() => list.close());
  }

  box.addEventListener("input", () => {
    window.clearTimeout(timer);
    if (typedLink() === null) {
      list.close(); // the link was finished or taken away: nothing to wait for
      return;
    }
    timer = window.setTimeout(ask, PAUSE_MS);
  });
  box.addEventListener("keydown", (event) => {
    if (!list.isOpen) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      list.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      list.close();
    } else if ((event.key === "Enter" || event.key === "Tab") && list.chosen() !== null) {
      event.preventDefault();
      insert(list.chosen());
    }
  });
  box.addEventListener("blur", () => list.close());
  box.addEventListener("click", () => list.close());
}
