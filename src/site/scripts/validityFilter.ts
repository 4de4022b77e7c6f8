/**
 * The 时效性 filter of a list page (components/ValidityFilter.astro), in the browser: shows the
 * items whose data-validity is the chosen status, keeps the choice in the URL (?validity=),
 * and says how many are shown.
 */
export function startValidityFilter(): void {
  for (const form of document.querySelectorAll<HTMLElement>(".validity-filter")) {
    const select = form.querySelector<HTMLSelectElement>("select[name=validity]")!;
    const count = form.querySelector<HTMLElement>(".validity-count")!;
    const items = [...document.querySelectorAll<HTMLElement>("[data-validity]")];
    const apply = () => {
      const wanted = select.value;
      let shown = 0;
      for (const item of items) {
        item.hidden = wanted !== "" && item.dataset.validity !== wanted;
        if (!item.hidden) shown++;
      }
      count.textContent = wanted ? `显示 ${shown} 件` : "";
      const url = new URL(location.href);
      if (wanted) url.searchParams.set("validity", wanted);
      else url.searchParams.delete("validity");
      history.replaceState(null, "", url);
    };
    select.value = new URL(location.href).searchParams.get("validity") ?? "";
    select.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }
}
