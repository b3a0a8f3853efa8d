// Titles offered as one types into a search box (the ARIA 1.2 combobox pattern): the
// list comes from the box's data-suggest address (/search/suggest/, OpenSearch JSON);
// Up and Down move through it, Enter opens the chosen page, Escape closes it. Without
// this script the box is a plain search box, as it always was.
import { Listbox } from "./editor/listbox.js";

const PAUSE_MS = 150;

function suggestions(input) {
  input.setAttribute("role", "combobox");
  const open = (href) => window.location.assign(href);
  const list = new Listbox(input, {
    label: input.labels.length ? input.labels[0].textContent : input.placeholder,
    className: "search-suggestions",
    onPick: open,
  });
  input.form.classList.add("has-suggestions");
  input.form.appendChild(list.element);
  let timer = null;

  function ask() {
    const asked = input.value.trim();
    if (!asked) {
      list.close();
      return;
    }
    fetch(`${input.dataset.suggest}?q=${encodeURIComponent(asked)}`, {
      headers: { Accept: "application/x-suggestions+json, application/json" },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer) => {
        if (answer && answer[0] === asked && input.value.trim() === asked) {
          // The page on this site, whatever base address the answer names.
          const addresses = answer[3] || [];
          list.show(
            answer[1].map((title, n) => ({
              text: title,
              value: addresses[n] ? new URL(addresses[n]).pathname : "",
            })),
          );
        }
      })
      .catch(() => list.close());
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, PAUSE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!list.isOpen) {
        ask();
        return;
      }
      event.preventDefault();
      list.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape" && list.isOpen) {
      event.preventDefault();
      list.close();
    } else if (event.key === "Enter" && list.isOpen && list.chosen() !== null) {
      event.preventDefault();
      open(list.chosen());
    }
  });
  input.addEventListener("blur", () => list.close());
}

document.querySelectorAll("input[data-suggest]").forEach(suggestions);
