// The page and snippet editors save drafts in the background (Wagtail's autosave). Once staff
// press a button that submits the form (save, submit for review, approve, send back), a save
// still waiting to start would reach the server after that submission and be refused as out of
// date. The form's own submission carries every change, so the background save is stopped.
(() => {
  const stopAutosave = (form) => {
    const controller = window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-autosave");
    if (!controller) return;
    controller.activeValue = false;
    controller.submit?.cancel?.();
  };
  const editForm = (element) => element?.closest?.("[data-edit-form]")
    || (element?.closest?.("footer") && document.querySelector("[data-edit-form]"));

  document.addEventListener("submit", (event) => {
    if (event.target.matches("[data-edit-form]")) stopAutosave(event.target);
  }, true);
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("button[type=submit], [data-workflow-action-name]");
    const form = button && editForm(button);
    if (form) stopAutosave(form);
  }, true);
})();

// Long lists of checkboxes (the glossary terms a measure links to) get a filter box: typing part
// of a term shows only the matching ones. Without JavaScript the whole list is there. The editor
// draws its fields after the page has loaded, hence the wait for "load".
window.addEventListener("load", () => {
  const filterLabel = document.documentElement.lang === "ja" ? "絞り込み" : "Filter";
  const lists = new Set(
    Array.from(document.querySelectorAll("input[data-filterable-choices]"), (input) =>
      input.parentElement.closest("[id]")),
  );
  lists.forEach((list) => {
    const box = document.createElement("input");
    box.type = "search";
    box.setAttribute("aria-label", filterLabel);
    box.placeholder = filterLabel;
    box.addEventListener("input", () => {
      const wanted = box.value.trim().normalize("NFKC").toLowerCase();
      list.querySelectorAll("label").forEach((label) => {
        const item = label.parentElement === list ? label : label.parentElement;
        const text = label.textContent.normalize("NFKC").toLowerCase();
        item.hidden = wanted !== "" && !text.includes(wanted);
      });
    });
    list.before(box);
  });
});
