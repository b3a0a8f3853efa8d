// A listbox of suggestions that the focus never enters (the ARIA 1.2 pattern shared
// by the search box and the edit form's link suggestions): the owner keeps the
// focus and points at the chosen option with aria-activedescendant.

export class Listbox {
  // `owner`: the input or textarea; `label`: the list's accessible name;
  // `onPick(value)`: called when an option is clicked.
  constructor(owner, { label, className, onPick }) {
    this.owner = owner;
    this.onPick = onPick;
    this.active = -1;
    this.element = document.createElement("ul");
    this.element.id = owner.id + "-suggestions";
    this.element.className = className;
    this.element.setAttribute("role", "listbox");
    this.element.setAttribute("aria-label", label);
    this.element.hidden = true;
    owner.setAttribute("aria-autocomplete", "list");
    owner.setAttribute("aria-controls", this.element.id);
    if (owner.getAttribute("role") === "combobox") {
      owner.setAttribute("aria-expanded", "false");
    }
  }

  get isOpen() {
    return !this.element.hidden;
  }

  options() {
    return this.element.querySelectorAll("[role=option]");
  }

  // Show `items` ({text, value, note}); none closes the list. An option chosen
  // before a fresher answer came stays chosen if the answer still holds it.
  show(items) {
    const kept = this.chosen();
    this.element.replaceChildren();
    this.active = -1;
    items.forEach((item, n) => {
      const option = document.createElement("li");
      option.id = `${this.element.id}-${n}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.text;
      if (item.note) {
        const note = document.createElement("span");
        note.className = "suggestion-note";
        note.textContent = ` ${item.note}`;
        option.appendChild(note);
      }
      option.dataset.value = item.value;
      option.addEventListener("mousedown", (event) => {
        event.preventDefault(); // the focus stays in the owner
        this.onPick(item.value);
      });
      this.element.appendChild(option);
    });
    if (!items.length) {
      this.close();
      return;
    }
    this.element.hidden = false;
    this.setExpanded("true");
    const again = items.findIndex((item) => item.value === kept);
    if (again >= 0) {
      this.move(again + 1);
    }
  }

  close() {
    this.element.replaceChildren(); // no stale option outlives its answer
    this.element.hidden = true;
    this.active = -1;
    this.setExpanded("false");
    this.owner.removeAttribute("aria-activedescendant");
  }

  setExpanded(value) {
    if (this.owner.hasAttribute("aria-expanded")) {
      this.owner.setAttribute("aria-expanded", value);
    }
  }

  // Move the choice by `step` (1 down, -1 up), round the ends.
  move(step) {
    const all = this.options();
    if (!all.length) {
      return;
    }
    this.active = (this.active + step + all.length) % all.length;
    all.forEach((option, n) => {
      option.setAttribute("aria-selected", n === this.active ? "true" : "false");
    });
    this.owner.setAttribute("aria-activedescendant", all[this.active].id);
    all[this.active].scrollIntoView({ block: "nearest" });
  }

  // The chosen option's value, or null.
  chosen() {
    const option = this.options()[this.active];
    return option ? option.dataset.value : null;
  }
}
