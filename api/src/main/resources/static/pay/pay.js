// Copy buttons on the pay page: copies the text of the element named by data-copy-target and says
// so on the button for a moment. Delegated from the document, so it keeps working after htmx swaps.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy-target]");
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy-target"));
  if (!source || !navigator.clipboard) {
    return;
  }
  var label = button.textContent;
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    button.textContent = button.getAttribute("data-copied") || label;
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});
