// Multiple choosers (choosers/widgets.py): the "Hinzufügen" button opens Wagtail's chooser
// modal in its multiple mode; each chosen item becomes a hidden input of the field's name.
(() => {
  const factories = new WeakMap();

  function factoryOf(root) {
    if (!factories.has(root)) {
      const definition = root.querySelector('script[type="application/json"]');
      factories.set(root, window.telepath.unpack(JSON.parse(definition.textContent)));
    }
    return factories.get(root);
  }

  function refresh(root) {
    const empty = root.querySelector("[data-multiple-chooser-empty]");
    empty.hidden = root.querySelector("[data-multiple-chooser-item]") !== null;
  }

  function add(root, item) {
    const id = String(item.id);
    const present = [...root.querySelectorAll("[data-multiple-chooser-item] input")].some(
      (input) => input.value === id,
    );
    if (present) return;
    const entry = root.querySelector("template[data-multiple-chooser-template]").content.firstElementChild.cloneNode(true);
    entry.querySelector("input").value = id;
    entry.querySelector(".multiple-chooser__title").textContent = item.title ?? item.string ?? id;
    root.querySelector("[data-multiple-chooser-list]").append(entry);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-multiple-chooser-add], [data-multiple-chooser-remove]");
    if (!button) return;
    const root = button.closest("[data-multiple-chooser]");
    event.preventDefault();
    if (button.hasAttribute("data-multiple-chooser-remove")) {
      button.closest("[data-multiple-chooser-item]").remove();
      refresh(root);
      root.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    factoryOf(root).openModal(
      (results) => {
        (Array.isArray(results) ? results : [results]).forEach((item) => add(root, item));
        refresh(root);
        root.dispatchEvent(new Event("change", { bubbles: true }));
      },
      { multiple: true },
    );
  });
})();
