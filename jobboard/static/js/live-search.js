/* Live search on /jobs: typing, filters, facet and page links update the results in place.
   Without JavaScript the same form and links work as plain page loads; this file only enhances them.
   The server answers a request with the X-Live-Search header with the results part alone. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var status = document.getElementById("live-status");
  if (!form || !window.fetch || !window.URLSearchParams || !window.DOMParser || !history.pushState) return;
  var regionId = form.getAttribute("data-live");
  var timer = null;
  var pending = null;

  function region() { return document.getElementById(regionId); }

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") params.append(key, value); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  // Makes the form show what a URL asks for (after a facet link, Back or Forward).
  function syncForm(url) {
    var params = new URL(url, location.href).searchParams;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "submit" || field === document.activeElement) return;
      var value = params.get(field.name);
      if (field.type === "hidden") {
        if (value === null) field.parentNode.removeChild(field); else field.value = value;
      } else if (field.tagName === "SELECT") {
        field.value = value === null ? field.options[0].value : value;
      } else {
        field.value = value === null ? "" : value;
      }
    });
    var company = params.get("company");
    if (company && !form.elements.company) {
      var hidden = document.createElement("input");
      hidden.type = "hidden"; hidden.name = "company"; hidden.value = company;
      form.appendChild(hidden);
    }
  }

  // history: "push" (a choice worth Back), "replace" (typing), or "" (Back/Forward itself).
  function load(url, history_, moveFocus) {
    if (pending) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    var current = region();
    if (current) current.setAttribute("aria-busy", "true");
    fetch(url, {
      headers: { "X-Live-Search": "1" }, cache: "no-store", credentials: "same-origin",
      signal: pending ? pending.signal : undefined
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(regionId);
      var old = region();
      if (!fresh || !old) { location.href = url; return; }
      old.parentNode.replaceChild(fresh, old);
      if (history_ === "push") history.pushState({ live: true }, "", url);
      if (history_ === "replace") history.replaceState({ live: true }, "", url);
      var count = fresh.querySelector(".result-count");
      if (count && status) status.textContent = count.textContent;
      // The title names the search too (tabs, history, bookmarks): the part carries the page's title.
      var titled = fresh.querySelector("[data-title]");
      if (titled) document.title = titled.getAttribute("data-title");
      if (count && moveFocus) {  // the link that was clicked is gone: keep the keyboard's place
        count.setAttribute("tabindex", "-1");
        count.focus();
      }
    }).catch(function (error) {
      if (error.name !== "AbortError") location.href = url;  // let the server say what went wrong
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    // On a phone, focus moves to the result count: the on-screen keyboard closes and shows the results.
    load(formUrl(), "push", !!(window.matchMedia && matchMedia("(pointer: coarse)").matches));
  });
  form.addEventListener("input", function (event) {
    if (event.isComposing || event.target.tagName === "SELECT") return;  // mid-pinyin: wait for the word
    clearTimeout(timer);
    timer = setTimeout(function () { load(formUrl(), "replace", false); }, 350);
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") { clearTimeout(timer); load(formUrl(), "push", false); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='/jobs?']") : null;
    if (!link || !region() || !region().contains(link)) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    syncForm(link.href);
    load(link.href, "push", true);
  });
  window.addEventListener("popstate", function () {
    syncForm(location.href);
    load(location.href, "", false);
  });
  history.replaceState({ live: true }, "", location.href);
})();
