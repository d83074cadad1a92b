// The dispatch note's print button (no inline scripts: the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print');
  if (button) button.addEventListener('click', () => window.print());
});
