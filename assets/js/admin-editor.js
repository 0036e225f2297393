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
