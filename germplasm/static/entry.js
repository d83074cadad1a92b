// The entry form by keyboard and on a phone: in-place checks of number fields, Enter moves to
// the next field (Enter in the last field or Ctrl+Enter saves), live filled/total counts per
// descriptor group. The server checks everything again on save.
(function () {
  var form = document.querySelector("form.entry");
  if (!form) return;
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  function check(input) {
    var text = input.value.trim(), message = "";
    var min = input.dataset.min, max = input.dataset.max;
    if (text !== "" && !/^(na|n\/a|-|—)$/i.test(text)) {
      var number = Number(text);
      if (!isFinite(number)) message = zh ? "不是数字" : "not a number";
      else if ((min !== "" && number < Number(min)) || (max !== "" && number > Number(max)))
        message = (zh ? "超出有效范围 " : "outside the valid range ") + min + "–" + max;
    }
    var error = document.getElementById("e-" + input.name);
    if (error) error.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    input.closest(".field").classList.toggle("invalid", !!message);
    return !message;
  }
  var numbers = form.querySelectorAll("input[data-min]");
  numbers.forEach(function (input) {
    input.addEventListener("blur", function () { check(input); });
  });
  form.addEventListener("submit", function (event) {
    var ok = true;
    numbers.forEach(function (input) { ok = check(input) && ok; });
    if (!ok) { event.preventDefault(); reach(form.querySelector("[aria-invalid=true]")); }
  });

  // The fields Enter walks through, in page order: a closed note is skipped, a closed
  // group is opened when reached (a 64-descriptor campaign keeps most groups closed).
  function fields() {
    return Array.prototype.filter.call(form.querySelectorAll("input, select"), function (f) {
      if (f.disabled || /^(hidden|file|submit|button)$/.test(f.type)) return false;
      var note = f.closest("details.note");
      return !note || note.open;
    });
  }
  function reach(field) {
    if (!field) return;
    var group = field.closest("details.group");
    if (group && !group.open) group.open = true;
    field.focus();
    if (field.tagName === "INPUT" && field.select) field.select();
  }
  function save() {
    var button = form.querySelector("button[name=save_next]");
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  }
  form.addEventListener("keydown", function (event) {
    // isComposing: Enter that confirms a Chinese input method's word is not ours.
    if (event.key !== "Enter" || event.isComposing) return;
    var target = event.target;
    if (!target.matches("input, select") || target.type === "file") return;
    event.preventDefault();
    var list = fields(), at = list.indexOf(target);
    if (event.ctrlKey || event.metaKey || at === list.length - 1) save();
    else reach(list[at + 1]);
  });

  function count(group) {
    var traits = group.querySelectorAll(".trait"), filled = 0;
    traits.forEach(function (f) { if (f.value.trim() !== "") filled += 1; });
    group.querySelector("summary .count").textContent = filled + " / " + traits.length;
  }
  form.querySelectorAll("details.group").forEach(function (group) {
    group.addEventListener("input", function () { count(group); });
    group.addEventListener("change", function () { count(group); });
  });

  var invalid = form.querySelector("[aria-invalid=true]");
  reach(invalid || form.querySelector("details.group[open] .trait"));
})();
