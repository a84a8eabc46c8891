/* Decision tree pages: one question at a time, the answers in the address, the path on the map.

   It enhances the static page that render_html.py writes, where every question is already
   reachable by plain links; data attributes are the contract between the two. No framework,
   no network, no storage: the only state is the URL fragment "#<tree>:<question>=<option
   number>,...", so Back and Forward step through the answers, a reload keeps the place, a
   copied link opens the same question, and nothing is sent to a server (browsers never send
   the fragment). Every word it writes and every id it looks up come from the page's JSON
   (page_text.py, html_ids.py), never from here. */
(() => {
  "use strict";
  if (window.decisionTreeLoaded) return; // included twice: one set of listeners is enough
  window.decisionTreeLoaded = true;

  /**
   * The page's JSON (compile_json.py).
   * @typedef {{label: string, next: string}} Option
   * @typedef {{text: string, options: Option[]}} Question
   * @typedef {{id: string, start: string, questions: Object<string, Question>,
   *   outcomes: Object<string, {verdict: string}>, verdicts: Object<string, {label: string}>,
   *   remaining: Object<string, number>, ids: {section: string, answers_title: string},
   *   text: Object<string, string>}} TreeData
   */

  /** Zoom levels of the drawn flowchart besides "fit to width". */
  const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];

  /** @type {DecisionTree[]} the enhanced trees on the current page */
  let trees = [];
  /** @type {?string} the tree that holds (or last held) the keyboard focus */
  let focusedTree = null;
  /** Whether the click that started the current run of clicks was handled (see below). */
  let handledRun = false;

  /** @returns {HTMLElement} */
  const make = (tag, className = "", text = "") => {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  };

  /** @returns {HTMLButtonElement} */
  const button = (className, text) => {
    const element = make("button", className, text);
    element.type = "button";
    return element;
  };

  /**
   * Points a link at an address. The drawing's boxes keep theirs in xlink:href, which Material's
   * instant navigation leaves alone (render_diagram.py says why).
   * @param {Element} link
   * @param {string} url
   */
  const setHref = (link, url) => {
    if (link instanceof SVGElement) link.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", url);
    else link.setAttribute("href", url);
  };

  /**
   * A sentence from the JSON with its "{name}" blanks filled, as str.format fills them in Python.
   * @param {string} template
   * @param {Object<string, string|number>} [values]
   */
  const fill = (template, values = {}) => template.replace(/\{(\w+)\}/g, (blank, name) => String(values[name]));

  /** The drawn flowchart: zoom buttons, and the reader's current box kept in sight. */
  class Diagram {
    /**
     * @param {HTMLElement} map the tree's .dt-map section
     * @param {Object<string, string>} text
     */
    constructor(map, text) {
      /** @type {HTMLElement} the drawing's own scroll container */
      this.scroller = map.querySelector(".dt-diagram-scroll");
      /** @type {SVGSVGElement} */
      this.svg = this.scroller.querySelector("svg");
      this.text = text;
      ({ width: this.width, height: this.height } = this.svg.viewBox.baseVal);
      this.scale = 1; // as built: no text under 12 px
      // The page skips rendering the map until it comes near the screen (content-visibility:
      // auto, in the stylesheet), which keeps the page quick to load. Scrolling the drawing to
      // a box would render it at once, so that waits until the reader comes near it.
      this.near = false;
      /** @type {?[string, boolean]} the box to bring into sight then, and whether to centre it */
      this.pending = null;
      new IntersectionObserver(([entry]) => {
        this.near = entry.isIntersecting;
        if (this.near && this.pending) this.reveal(...this.pending);
      }, { rootMargin: "100% 0px" }).observe(map);
      // "Near" can come a frame before the browser lays the map out; when it does, try again.
      map.addEventListener("contentvisibilityautostatechange", () => {
        if (this.pending) this.reveal(...this.pending);
      });
      // Buttons need the script, so the script adds them, in the room the page keeps for them.
      const tools = map.querySelector(".dt-diagram-tools");
      this.level = make("span", "dt-zoom-level");
      this.level.setAttribute("role", "status"); // read out when a button changes it
      const add = (name, step) => {
        tools.appendChild(button("md-button dt-zoom", text[name])).addEventListener("click", () => this.zoom(step));
      };
      add("zoom_out", -1);
      tools.appendChild(this.level);
      add("zoom_in", 1);
      add("fit", 0);
      this.setScale(1);
    }

    /** @param {number} step -1 out, 1 in, 0 the whole width */
    zoom(step) {
      const scroller = this.scroller;
      const fit = Math.min(1, scroller.clientWidth / this.width);
      const scales = [fit, ...ZOOMS.filter((scale) => scale > fit)];
      let scale = fit;
      if (step > 0) scale = scales.find((each) => each > this.scale * 1.01) || this.scale;
      if (step < 0) scale = scales.filter((each) => each < this.scale * 0.99).pop() || fit;
      // What was in the middle of the view stays there.
      const middle = (scroller.scrollLeft + scroller.clientWidth / 2) / this.scale;
      this.setScale(scale);
      scroller.scrollLeft = middle * scale - scroller.clientWidth / 2;
    }

    /** @param {number} scale */
    setScale(scale) {
      this.scale = scale;
      // Attributes, not styles: the Content-Security-Policy allows no inline style.
      this.svg.setAttribute("width", String(Math.round(this.width * scale)));
      this.svg.setAttribute("height", String(Math.round(this.height * scale)));
      this.level.textContent = fill(this.text.zoom, { percent: Math.round(scale * 100) });
    }

    /**
     * Scroll the drawing to a node's box when it is out of sight (or always: centre), both ways.
     * @param {string} node
     * @param {boolean} [centre]
     */
    reveal(node, centre = false) {
      const scroller = this.scroller;
      // Not near the screen, or near but not laid out yet (its size still 0): scrolling now
      // would be lost, so remember the box for when the drawing is there.
      if (!this.near || scroller.scrollWidth + scroller.scrollHeight === 0) {
        this.pending = [node, centre || Boolean(this.pending && this.pending[1])];
        if (this.near) requestAnimationFrame(() => this.pending && this.reveal(...this.pending));
        return;
      }
      this.pending = null;
      const box = this.svg.querySelector(`[data-node="${node}"] rect`);
      const left = box.x.baseVal.value * this.scale;
      const right = left + box.width.baseVal.value * this.scale;
      const top = box.y.baseVal.value * this.scale;
      const bottom = top + box.height.baseVal.value * this.scale;
      if (centre || left < scroller.scrollLeft || right > scroller.scrollLeft + scroller.clientWidth) {
        scroller.scrollLeft = (left + right - scroller.clientWidth) / 2;
      }
      if (centre || top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
        scroller.scrollTop = (top + bottom - scroller.clientHeight) / 2;
      }
    }
  }

  /** One tree on the page: the reader's answers and everything that shows them. */
  class DecisionTree {
    /**
     * @param {HTMLElement} root the [data-decision-tree] element
     * @param {TreeData} data
     */
    constructor(root, data) {
      this.root = root;
      this.id = data.id;
      this.start = data.start;
      // Maps, not the parsed objects, so that an id like "constructor" never finds a prototype.
      /** @type {Map<string, Question>} */
      this.questions = new Map(Object.entries(data.questions));
      this.outcomes = new Map(Object.entries(data.outcomes));
      this.verdicts = data.verdicts;
      this.remaining = new Map(Object.entries(data.remaining));
      this.ids = data.ids;
      this.text = data.text;
      /** @type {number[]} the option chosen at each step, counted from 0 */
      this.path = [];
      /** @type {?string[]} the nodes the path goes through, start first (null: not shown yet) */
      this.nodes = null;
      /** @type {Element[]} what showMap marked */
      this.lit = [];
      this.shortest = this.shortestPaths();
      /** @type {HTMLElement} already in the page, so filling it in moves nothing */
      this.progress = root.querySelector(".dt-progress");
      /** @type {HTMLElement} */
      this.map = root.querySelector(".dt-map");
      this.diagram = this.map.querySelector(".dt-diagram-scroll") ? new Diagram(this.map, this.text) : null;

      // Controls and answers go between the question and the map.
      const controls = (this.controls = make("div", "dt-controls"));
      controls.appendChild(button("md-button dt-back", this.text.back));
      controls.appendChild(button("md-button dt-start-again", this.text.start_again));
      this.print = controls.appendChild(button("md-button md-button--primary dt-print", this.text.print));
      root.insertBefore(controls, this.map);

      this.answers = make("section", "dt-answers");
      this.answersTitle = this.answers.appendChild(make("h2"));
      this.answersTitle.id = this.ids.answers_title;
      this.answers.setAttribute("aria-labelledby", this.answersTitle.id);
      this.answers.appendChild(make("ol"));
      root.insertBefore(this.answers, this.map);

      this.live = make("p", "dt-sr");
      this.live.setAttribute("aria-live", "polite");
      root.insertBefore(this.live, this.map);

      root.addEventListener("click", (event) => this.onClick(event));
      root.classList.add("dt-js");
    }

    /** @param {string} node */
    sectionId(node) {
      return this.ids.section.replace("{node}", node);
    }

    /**
     * For every node, the answers that reach it from the start in the fewest steps: one
     * breadth-first walk, so linear in the size of the tree.
     * @returns {Map<string, number[]>}
     */
    shortestPaths() {
      const paths = new Map([[this.start, []]]);
      const queue = [this.start];
      for (let head = 0; head < queue.length; head++) {
        const question = this.questions.get(queue[head]);
        if (!question) continue;
        const path = paths.get(queue[head]);
        question.options.forEach((option, index) => {
          if (!paths.has(option.next)) {
            paths.set(option.next, path.concat(index));
            queue.push(option.next);
          }
        });
      }
      return paths;
    }

    /**
     * The answers named by the address, or null when the address is not about this tree.
     * Reading stops at the first step that is unknown, out of range or does not follow from
     * the answer before it, so a stale or edited link lands on the furthest valid question.
     * @param {string} hash
     * @returns {?number[]}
     */
    pathFromHash(hash) {
      const prefix = "#" + this.id + ":";
      if (hash.startsWith(prefix)) {
        const path = [];
        let node = this.start;
        for (const step of hash.slice(prefix.length).split(",")) {
          // No limit on the answer's number but the question's own count of options; the
          // compiler sets none either (issue 8). A number too long for a double becomes
          // Infinity, which is out of range like any other.
          const match = /^([a-z0-9-]+)=([0-9]+)$/.exec(step);
          const question = this.questions.get(node);
          const index = match ? Number(match[2]) - 1 : -1;
          if (!question || !match || match[1] !== node || index < 0 || index >= question.options.length) break;
          path.push(index);
          node = question.options[index].next;
        }
        return path;
      }
      // "#<tree>--<node>" (html_ids.py) is a node's address without JavaScript: go there the
      // shortest way.
      const [before, after] = this.ids.section.split("{node}");
      const node = hash.slice(before.length + 1, hash.length - after.length);
      if (hash === "#" + this.sectionId(node) && this.shortest.has(node)) return this.shortest.get(node);
      return null;
    }

    /** @param {number[]} path */
    urlFor(path) {
      let node = this.start;
      const steps = path.map((index) => {
        const step = node + "=" + (index + 1);
        node = this.questions.get(node).options[index].next;
        return step;
      });
      return location.pathname + location.search + (steps.length ? "#" + this.id + ":" + steps.join(",") : "");
    }

    /**
     * The answers that lead to a node: the reader's own when it is on their path, else the
     * shortest way from the start (what its address without JavaScript does).
     * @param {string} node
     */
    pathTo(node) {
      const step = this.nodes.indexOf(node);
      return step < 0 ? this.shortest.get(node) : this.path.slice(0, step);
    }

    /**
     * @param {number[]} path
     * @param {boolean} moveFocus
     */
    show(path, moveFocus) {
      if (this.nodes && this.path.join() === path.join()) return; // Back fires popstate and hashchange
      const nodes = [this.start];
      for (const index of path) nodes.push(this.questions.get(nodes[nodes.length - 1]).options[index].next);
      const current = nodes[nodes.length - 1];
      const firstShow = !this.nodes;
      this.path = path;
      this.nodes = nodes;

      const question = this.questions.get(current);
      const section = document.getElementById(this.sectionId(current));
      for (const shown of this.root.querySelectorAll(".dt-node.dt-current")) shown.classList.remove("dt-current");
      section.classList.add("dt-current");

      let status;
      if (question) {
        status = fill(this.text.progress, { asked: path.length + 1, most: path.length + this.remaining.get(current) });
        // Each answer's address is the state it leads to: "open in new tab" and copy work.
        section.querySelectorAll(".dt-options a").forEach((link, index) => {
          link.href = this.urlFor(path.concat(index));
        });
      } else {
        const answers = fill(this.text[path.length === 1 ? "one_answer" : "answers"], { count: path.length });
        const verdict = this.verdicts[this.outcomes.get(current).verdict].label;
        status = fill(this.text.result, { answers, verdict });
      }
      this.progress.textContent = status;

      this.showAnswers(question);
      this.showMap();
      if (firstShow && this.diagram) this.diagram.reveal(current, true); // opens centred on it

      this.controls.hidden = !path.length; // at the start there is nothing to go back to
      this.print.hidden = Boolean(question);

      if (moveFocus) {
        const heading = section.querySelector("h2");
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
        // Bring the question to the top when the reader had scrolled away from it (CSS keeps
        // it clear of Material's fixed header with scroll-margin-top).
        const top = this.progress.getBoundingClientRect().top;
        if (top < 60 || top > window.innerHeight / 3) this.progress.scrollIntoView({ block: "start" });
        this.live.textContent = status + ".";
      }
    }

    /** @param {Question|undefined} question the one on screen, if not an outcome */
    showAnswers(question) {
      const list = this.answers.querySelector("ol");
      list.textContent = "";
      this.answers.hidden = !this.path.length;
      this.answersTitle.textContent = question ? this.text.answers_so_far : this.text.your_answers;
      this.path.forEach((index, step) => {
        const asked = this.questions.get(this.nodes[step]);
        const item = list.appendChild(make("li"));
        item.appendChild(make("span", "dt-answer-q", asked.text));
        item.appendChild(make("span", "dt-answer-a", asked.options[index].label));
        const change = item.appendChild(button("dt-change", this.text.change));
        change.dataset.step = String(step);
        change.appendChild(make("span", "dt-sr", fill(this.text.change_hidden, { question: asked.text })));
      });
    }

    /**
     * Marks the path on the map: data-on-path on its boxes, arrows and list cards, and
     * aria-current on the links to the current node. Each link on the path leads back along
     * the reader's own answers; the others keep their built address.
     */
    showMap() {
      for (const element of this.lit) {
        element.removeAttribute("data-on-path");
        element.removeAttribute("aria-current");
        if (element.matches("a")) setHref(element, "#" + this.sectionId(element.dataset.node));
      }
      this.lit = [];
      const last = this.nodes.length - 1;
      this.nodes.forEach((node, step) => {
        let selector = `[data-node="${node}"]`;
        if (step) selector += `,[data-from="${this.nodes[step - 1]}"][data-to="${node}"]`;
        for (const element of this.map.querySelectorAll(selector)) {
          element.setAttribute("data-on-path", "");
          // SVG draws in document order: an arrow of the path goes last, over the others.
          if (element.matches("[data-from]")) element.parentNode.appendChild(element);
          if (element.matches("a")) {
            setHref(element, this.urlFor(this.path.slice(0, step)));
            if (step === last) element.setAttribute("aria-current", "step");
          }
          this.lit.push(element);
        }
      });
      if (this.diagram) this.diagram.reveal(this.nodes[last]);
    }

    /** @param {number[]} path */
    go(path) {
      const url = this.urlFor(path);
      if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
      this.show(path, true);
    }

    /** Writes the address the way this script does, e.g. after a stale link or "#tree--node". */
    tidyAddress() {
      const url = this.urlFor(this.path);
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }

    /** @param {MouseEvent} event */
    onClick(event) {
      // Let the browser open new tabs and windows from the links' own addresses.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const control = event.target.closest("a, button");
      if (!control || !this.root.contains(control)) return;
      let path = null;
      if (control.matches(".dt-current .dt-options a")) {
        path = this.path.concat([...control.closest(".dt-options").querySelectorAll("a")].indexOf(control));
      } else if (control.matches(".dt-restart a, .dt-start-again")) {
        path = [];
      } else if (control.matches(".dt-back")) {
        path = this.path.slice(0, -1);
      } else if (control.matches(".dt-change")) {
        path = this.path.slice(0, Number(control.dataset.step));
      } else if (control.matches(".dt-map a[data-node]")) {
        path = this.pathTo(control.dataset.node); // a box of the drawing, or a card's name
      } else if (control.matches(".dt-map-options a")) {
        // Within the list: move to the card without touching the address (the answers).
        const card = document.getElementById(control.hash.slice(1));
        if (card) card.focus();
      } else if (control.matches(".dt-print")) {
        window.print();
      } else {
        return; // the zoom buttons have their own listeners; other links are left alone
      }
      // Material's instant navigation also listens for clicks on links; this one is handled.
      event.preventDefault();
      event.stopPropagation();
      handledRun = true;
      if (path) this.go(path);
    }
  }

  document.addEventListener("focusin", (event) => {
    const root = event.target.closest("[data-decision-tree]");
    focusedTree = root ? root.getAttribute("data-decision-tree") : null;
  });

  // One activation, one action. A double or triple click, or a double tap, is a run of clicks
  // that the browser counts in event.detail (2, 3, ...). The first one changes the page, so the
  // rest land on whatever is now under the pointer: the next question's answer, a link in an
  // outcome, or Material's nav if the page scrolled. When the run's first click was handled
  // here, the rest do nothing anywhere on the page: no answer, no link followed, and no focus
  // taken from the heading the answer moved it to. Keyboard activations have detail 0.
  document.addEventListener("click", (event) => {
    if (event.detail <= 1) handledRun = false; // a new run (onClick runs later and may set it)
    else if (handledRun) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  document.addEventListener("mousedown", (event) => {
    if (event.detail > 1 && handledRun) event.preventDefault(); // keeps the focus where it is
  }, true);

  /** @param {HTMLElement} root */
  const setUp = (root) => {
    if (root.decisionTree) return; // already enhanced
    // The data sits in a <template> so that instant navigation, which re-runs every script
    // in the page it swaps in (dropping their type), never runs it as JavaScript.
    const json = root.querySelector("template.dt-data-template").content.querySelector(".dt-data");
    const tree = (root.decisionTree = new DecisionTree(root, JSON.parse(json.textContent)));
    trees.push(tree);
    // Material answers the first Back on a page by fetching the page again and swapping it in,
    // which drops the focus. Give it back to the question the reader was on.
    const active = document.activeElement;
    const focusLost = focusedTree === tree.id && (!active || active === document.body);
    const path = tree.pathFromHash(location.hash);
    tree.show(path || [], focusLost);
    if (path !== null) tree.tidyAddress();
  };

  const setUpAll = () => {
    trees = trees.filter((tree) => tree.root.isConnected);
    document.querySelectorAll("[data-decision-tree]").forEach(setUp);
  };

  // Back, Forward and edited addresses: show what the address says.
  const followAddress = () => {
    for (const tree of trees) {
      if (!tree.root.isConnected) continue;
      const path = location.hash ? tree.pathFromHash(location.hash) : [];
      if (path === null) continue; // an address about something else on the page
      tree.show(path, true);
      tree.tidyAddress();
    }
  };
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
