// Behaviour the pages once had inline, so the Content Security Policy can forbid inline script.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-auto-submit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
