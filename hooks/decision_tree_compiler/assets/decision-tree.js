/* Decision tree pages: one question at a time, the answers in the address, the path on the map.

   It enhances the static page that render_html.py writes, where every question is already
   reachable by plain links. No framework, no network, no storage: the only state is the URL
   fragment "#<tree>:<question>=<option number>,...", so Back and Forward step through the
   answers, a reload keeps the place, a copied link opens the same question, and nothing is
   sent to a server (browsers never send the fragment). */
(function () {
  "use strict";
  if (window.decisionTreeLoaded) return; // included twice: one set of listeners is enough
  window.decisionTreeLoaded = true;

  var trees = []; // the enhanced trees on the current page
  var focusedTree = null; // id of the tree that holds (or last held) the keyboard focus

  document.addEventListener("focusin", function (event) {
    var root = event.target.closest ? event.target.closest("[data-decision-tree]") : null;
    focusedTree = root && root.getAttribute("data-decision-tree");
  });

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function button(className, text) {
    var element = make("button", "md-button " + className, text);
    element.type = "button";
    return element;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  // The page's ids, as html_ids.py makes them: "<tree>--<node>" and so on. Heading ids never
  // contain "--", and neither do tree or node ids, so none of these can be a heading's id.
  function sectionId(tree, node) { return tree.id + "--" + node; }
  function mapCardId(tree, node) { return tree.id + "--" + node + "--map"; }

  /* ---- state <-> address ---------------------------------------------------------------- */

  // Maps, not the parsed objects, so that an id like "constructor" never finds a prototype.
  function entries(object) {
    return new Map(Object.keys(object).map(function (key) { return [key, object[key]]; }));
  }

  // For every node, the answers (option indexes) that reach it from start in the fewest steps:
  // one breadth-first walk, so linear in the size of the tree.
  function shortestPaths(tree) {
    var paths = new Map([[tree.start, []]]);
    var queue = [tree.start];
    for (var head = 0; head < queue.length; head++) {
      var question = tree.questions.get(queue[head]);
      if (!question) continue;
      var path = paths.get(queue[head]);
      question.options.forEach(function (option, index) {
        if (!paths.has(option.next)) {
          paths.set(option.next, path.concat(index));
          queue.push(option.next);
        }
      });
    }
    return paths;
  }

  // The answers named by the address, or null when the address is not about this tree.
  // Reading stops at the first step that is unknown, out of range or does not follow from
  // the answer before it, so a stale or edited link lands on the furthest valid question.
  function pathFromHash(tree, hash) {
    var prefix = "#" + tree.id;
    if (hash.indexOf(prefix + ":") === 0) {
      var path = [];
      var node = tree.start;
      var steps = hash.slice(prefix.length + 1).split(",");
      for (var i = 0; i < steps.length; i++) {
        // No limit on the answer's number but the question's own count of options, checked
        // below; the compiler sets none either (issue 8: a fixed digit limit here once made
        // answer 10,001 of a long question impossible to restore). A number too long for a
        // double becomes Infinity, which is out of range like any other.
        var match = /^([a-z0-9-]+)=([0-9]+)$/.exec(steps[i]);
        var question = tree.questions.get(node);
        var index = match ? Number(match[2]) - 1 : -1;
        if (!question || !match || match[1] !== node || index < 0 || index >= question.options.length) break;
        path.push(index);
        node = question.options[index].next;
      }
      return path;
    }
    // "#tree--node" is the address of a node without JavaScript: go there the shortest way.
    var target = hash.slice(prefix.length + 2);
    if (hash.indexOf(prefix + "--") === 0 && tree.shortest.has(target)) return tree.shortest.get(target);
    return null;
  }

  function hashFor(tree, path) {
    var node = tree.start;
    var steps = path.map(function (index) {
      var step = node + "=" + (index + 1);
      node = tree.questions.get(node).options[index].next;
      return step;
    });
    return steps.length ? "#" + tree.id + ":" + steps.join(",") : "";
  }

  function urlFor(tree, path) {
    return location.pathname + location.search + hashFor(tree, path);
  }

  /* ---- showing a state ------------------------------------------------------------------ */

  function show(tree, path, moveFocus) {
    var nodes = [tree.start];
    path.forEach(function (index) {
      nodes.push(tree.questions.get(nodes[nodes.length - 1]).options[index].next);
    });
    var current = nodes[nodes.length - 1];
    if (tree.nodes && tree.path.join() === path.join()) return; // Back fires popstate and hashchange
    tree.path = path;
    tree.nodes = nodes;

    var question = tree.questions.get(current);
    var section = document.getElementById(sectionId(tree, current));
    tree.root.querySelectorAll(".dt-node.dt-current").forEach(function (element) {
      element.classList.remove("dt-current");
    });
    section.classList.add("dt-current");

    var asked = path.length + 1;
    var status;
    if (question) {
      status = "Question " + asked + " of at most " + (path.length + tree.remaining[current]);
      // Each answer's address is the state it leads to: "open in new tab" and copy work.
      section.querySelectorAll(".dt-options a").forEach(function (link, index) {
        link.href = urlFor(tree, path.concat(index));
      });
    } else {
      var outcome = tree.outcomes.get(current);
      status = "Your result after " + plural(path.length, "answer") + ": " + tree.verdicts[outcome.verdict].label;
    }
    tree.progress.textContent = status;

    showAnswers(tree, question);
    showMap(tree);

    tree.controls.hidden = !path.length; // at the start there is nothing to go back to
    tree.print.hidden = Boolean(question);

    if (moveFocus) {
      var heading = section.querySelector("h2");
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      // Bring the question to the top when the reader had scrolled away from it (CSS keeps
      // it clear of Material's fixed header with scroll-margin-top).
      var top = tree.progress.getBoundingClientRect().top;
      if (top < 60 || top > window.innerHeight / 3) tree.progress.scrollIntoView({ block: "start" });
      tree.live.textContent = status + ".";
    }
  }

  function showAnswers(tree, question) {
    var list = tree.answers.querySelector("ol");
    list.textContent = "";
    tree.answers.hidden = !tree.path.length;
    tree.answersTitle.textContent = question ? "Your answers so far" : "Your answers";
    tree.path.forEach(function (index, step) {
      var asked = tree.questions.get(tree.nodes[step]);
      var item = make("li");
      item.appendChild(make("span", "dt-answer-q", asked.text));
      item.appendChild(make("span", "dt-answer-a", asked.options[index].label));
      var change = make("button", "dt-change", "Change");
      change.type = "button";
      change.dataset.step = step;
      change.appendChild(make("span", "dt-sr", " your answer to: " + asked.text));
      item.appendChild(change);
      list.appendChild(item);
    });
  }

  function showMap(tree) {
    if (!tree.map) return;
    tree.map.querySelectorAll(".dt-on-path, .dt-current, .dt-chosen").forEach(function (element) {
      element.classList.remove("dt-on-path", "dt-current", "dt-chosen");
    });
    // Every node's name links to it: along the reader's own answers when it is on their
    // path, else the shortest way from the start (what its address without JavaScript does).
    (tree.linked || []).forEach(function (link) {
      link.removeAttribute("aria-current");
      link.href = urlFor(tree, tree.shortest.get(link.dataset.node));
    });
    tree.linked = tree.nodes.map(function (node, step) {
      var card = document.getElementById(mapCardId(tree, node));
      var link = card.querySelector(".dt-map-name");
      link.href = urlFor(tree, tree.path.slice(0, step));
      card.classList.add("dt-on-path");
      if (step < tree.path.length) {
        card.querySelectorAll(".dt-map-options > li")[tree.path[step]].classList.add("dt-chosen");
      } else {
        card.classList.add("dt-current");
        link.setAttribute("aria-current", "step");
      }
      return link;
    });
  }

  /* ---- user actions --------------------------------------------------------------------- */

  function go(tree, path) {
    var url = urlFor(tree, path);
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    show(tree, path, true);
  }

  function onClick(event) {
    // Let the browser open new tabs and windows from the links' own addresses.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var tree = this.decisionTree;
    var control = event.target.closest("a, button");
    if (!control || !tree.root.contains(control)) return;
    var path = null;
    if (control.matches(".dt-current .dt-options a")) {
      var links = Array.prototype.slice.call(control.closest(".dt-options").querySelectorAll("a"));
      path = tree.path.concat(links.indexOf(control));
    } else if (control.matches(".dt-restart a, .dt-start-again")) {
      path = [];
    } else if (control.matches(".dt-back")) {
      path = tree.path.slice(0, -1);
    } else if (control.matches(".dt-change")) {
      path = tree.path.slice(0, Number(control.dataset.step));
    } else if (control.matches(".dt-map-name")) {
      path = pathFromHash(tree, control.hash) || [];
    } else if (control.matches(".dt-map-options a")) {
      // Within the flowchart: move to the card without touching the address (the answers).
      var card = document.getElementById(control.hash.slice(1));
      if (card) card.focus();
    } else if (control.matches(".dt-print")) {
      window.print();
    } else {
      return;
    }
    // Material's instant navigation also listens for clicks on links; this one is handled.
    event.preventDefault();
    event.stopPropagation();
    handledRun = true;
    if (path) go(tree, path);
  }

  // One activation, one action. A double or triple click, or a double tap, is a run of clicks
  // that the browser counts in event.detail (2, 3, ...). The first one changes the page, so the
  // rest land on whatever is now under the pointer: the next question's answer, a link in an
  // outcome, or Material's nav if the page scrolled. When the run's first click was handled
  // here, the rest do nothing anywhere on the page: no answer, no link followed, and no focus
  // taken from the heading the answer moved it to. Keyboard activations have detail 0.
  var handledRun = false;
  document.addEventListener("click", function (event) {
    if (event.detail <= 1) handledRun = false; // a new run (onClick runs later and may set it)
    else if (handledRun) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  document.addEventListener("mousedown", function (event) {
    if (event.detail > 1 && handledRun) event.preventDefault(); // keeps the focus where it is
  }, true);

  /* ---- setting up ----------------------------------------------------------------------- */

  function setUp(root) {
    if (root.decisionTree) return; // already enhanced
    var data, template;
    try {
      // The data sits in a <template> so that instant navigation, which re-runs every script
      // in the page it swaps in (dropping their type), never runs it as JavaScript.
      template = root.querySelector("template.dt-data-template");
      data = JSON.parse((template ? template.content : root).querySelector(".dt-data").textContent);
    } catch (error) {
      return; // no usable data: the static page keeps working on its own
    }
    var tree = {
      root: root,
      id: data.id,
      start: data.start,
      questions: entries(data.questions),
      outcomes: entries(data.outcomes),
      verdicts: data.verdicts,
      remaining: data.remaining,
      path: [],
      map: root.querySelector(".dt-map"),
    };
    root.decisionTree = tree;
    tree.shortest = shortestPaths(tree);
    if (tree.map) {
      tree.linked = Array.prototype.slice.call(tree.map.querySelectorAll(".dt-map-name"));
    }

    // The page already has the progress line, so filling it in moves nothing on screen.
    tree.progress = root.querySelector(".dt-progress");
    if (!tree.progress) {
      tree.progress = root.insertBefore(make("p", "dt-progress"), root.querySelector(".dt-node"));
    }

    var after = tree.map || template; // the controls and answers go between question and map
    var controls = tree.controls = make("div", "dt-controls");
    controls.appendChild(button("dt-back", "Back"));
    controls.appendChild(button("dt-start-again", "Start again"));
    tree.print = controls.appendChild(button("dt-print md-button--primary", "Print your answers"));
    root.insertBefore(controls, after);

    tree.answers = make("section", "dt-answers");
    tree.answersTitle = tree.answers.appendChild(make("h2"));
    tree.answersTitle.id = tree.id + "--answers_title"; // "_": never part of a node id
    tree.answers.setAttribute("aria-labelledby", tree.answersTitle.id);
    tree.answers.appendChild(make("ol"));
    root.insertBefore(tree.answers, after);

    tree.live = make("p", "dt-sr");
    tree.live.setAttribute("aria-live", "polite");
    root.insertBefore(tree.live, after);

    root.addEventListener("click", onClick);
    root.classList.add("dt-js");
    trees.push(tree);

    // Material answers the first Back on a page by fetching the page again and swapping it in,
    // which drops the focus. Give it back to the question the reader was on.
    var focusLost = focusedTree === tree.id && (!document.activeElement || document.activeElement === document.body);
    var path = pathFromHash(tree, location.hash);
    show(tree, path || [], focusLost);
    if (path !== null) tidyAddress(tree);
  }

  // Write the address the way this script does, e.g. after a stale link or "#tree--node".
  function tidyAddress(tree) {
    var url = urlFor(tree, tree.path);
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  function setUpAll() {
    trees = trees.filter(function (tree) { return tree.root.isConnected; });
    document.querySelectorAll("[data-decision-tree]").forEach(setUp);
  }

  // Back, Forward and edited addresses: show what the address says.
  function followAddress() {
    trees.forEach(function (tree) {
      if (!tree.root.isConnected) return;
      var path = location.hash ? pathFromHash(tree, location.hash) : [];
      if (path === null) return; // an address about something else on the page
      show(tree, path, true);
      tidyAddress(tree);
    });
  }
  window.addEventListener("popstate", followAddress);
  window.addEventListener("hashchange", followAddress);

  // Material's instant navigation swaps pages without reloading scripts; document$ tells us
  // about every new page. Once the page is parsed, set up in any case.
  // Setting up twice does nothing, so do both: Material's document$ does not fire for a page
  // opened from disk (file://), which is how reviewers open a pull request's preview.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
