/* ouderbetrokkenheid site: what every page needs. Vanilla JavaScript, no framework, no network.
 * The catalog page's search and facets are in search.js. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");
}());
