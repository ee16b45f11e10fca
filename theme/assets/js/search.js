// The search page: queries the Pagefind index the build wrote, and lists results (title, date, commitments,
// excerpt) as NHS.UK-styled links. The form works without this script only as a link to the archives.
const form = document.querySelector("[data-ppn-search]");
const field = form.querySelector("input[name=q]");
const status = document.querySelector("[data-ppn-search-status]");
const list = document.querySelector("[data-ppn-search-results]");
const MAX_RESULTS = 20;
let pagefind;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

async function search(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  try {
    if (!pagefind) {
      pagefind = await import(form.dataset.pagefind);
      // Result links are relative to the site's base path (the site may live below the domain's root).
      await pagefind.options({ baseUrl: form.dataset.baseUrl });
    }
  } catch {
    status.textContent = "Search is not available at the moment. Please browse the posts by commitment or tag.";
    return;
  }
  const found = await pagefind.search(query);
  const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  const count = found.results.length;
  status.textContent = count === 0 ? `No posts match “${query}”.`
    : `${count} post${count === 1 ? "" : "s"} match “${query}”${count > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ""}.`;
  for (const data of results) {
    const item = element("li", "ppn-search-result");
    const heading = element("h2", "nhsuk-heading-s nhsuk-u-margin-bottom-1");
    const link = element("a", null, data.meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    const facts = [data.meta.date, ...(data.filters.commitment || [])].filter(Boolean).join(" · ");
    const meta = element("p", "nhsuk-body-s ppn-meta nhsuk-u-margin-bottom-1", facts);
    // Pagefind's excerpt is built from our own escaped page text, with <mark> around the words found.
    const excerpt = element("p", "nhsuk-body-s");
    excerpt.innerHTML = data.excerpt;
    item.append(heading, meta, excerpt);
    list.append(item);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", field.value);
  history.replaceState(null, "", url);
  search(field.value);
});

const initial = new URLSearchParams(location.search).get("q") ?? "";
field.value = initial;
search(initial);
