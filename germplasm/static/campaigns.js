// A group's box ticks or clears all its descriptors, and shows whether all, some or none are ticked.
document.querySelectorAll("fieldset.descriptor-group").forEach((group) => {
  const toggle = group.querySelector("input.group-toggle");
  const boxes = [...group.querySelectorAll("input[name=descriptor]")];
  const show = () => {
    const ticked = boxes.filter((b) => b.checked).length;
    toggle.checked = ticked === boxes.length;
    toggle.indeterminate = ticked > 0 && ticked < boxes.length;
  };
  toggle.addEventListener("change", () => {
    boxes.forEach((b) => { b.checked = toggle.checked; });
    show();
  });
  boxes.forEach((b) => b.addEventListener("change", show));
  show();
});
