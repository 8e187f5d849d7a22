// The one place the dashboard creates DOM. Note text is hostile input, so
// text only ever goes in through `textContent` (createTextNode), attributes
// through `setAttribute` with a deny-list, and nothing is ever parsed as HTML.
// Inline `style` attributes would be blocked by the CSP anyway; sizes go
// through the CSSOM (`el.style.width`) or SVG geometry attributes instead.

export type Child = Node | string | number | null | undefined | false;
export type Children = Child | readonly Children[];

export interface Props {
  /** Space-separated classes; falsy entries of an array are skipped. */
  readonly class?: string | readonly (string | false | null | undefined)[];
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

// Attributes that could load, navigate or run something: never set from here.
const FORBIDDEN = /^(on|style$|href$|xlink:href$|src$|srcset$|srcdoc$|action$|formaction$|data$|poster$)/i;

function setAttrs(el: Element, attrs: Props['attrs']): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (FORBIDDEN.test(name)) throw new Error(`dom: refusing to set attribute ${name}`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function classes(c: Props['class']): string {
  if (!c) return '';
  return typeof c === 'string' ? c : c.filter(Boolean).join(' ');
}

function append(parent: Node, children: Children): void {
  if (children === null || children === undefined || children === false) return;
  if (Array.isArray(children)) {
    for (const c of children as readonly Children[]) append(parent, c);
    return;
  }
  if (children instanceof Node) parent.appendChild(children);
  else parent.appendChild(document.createTextNode(String(children)));
}

function wire(el: Element, on: Props['on']): void {
  if (!on) return;
  for (const [type, fn] of Object.entries(on)) if (fn) el.addEventListener(type, fn as EventListener);
}

/** An HTML element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    const c = classes(props.class);
    if (c) el.className = c;
    setAttrs(el, props.attrs);
    wire(el, props.on);
  }
  append(el, children);
  return el;
}

/** An SVG element (geometry goes in attributes, which the CSP allows). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, props?: Props | null, ...children: Children[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  if (props) {
    const c = classes(props.class);
    if (c) el.setAttribute('class', c);
    setAttrs(el, props.attrs);
    wire(el, props.on);
  }
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Makes a non-button element behave like one: focusable, Enter/Space activate. */
export function activatable<T extends Element>(el: T, label: string | undefined, onActivate: (ev: Event) => void, role = 'link'): T {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', role);
  if (label) el.setAttribute('aria-label', label);
  el.addEventListener('click', onActivate);
  el.addEventListener('keydown', (ev) => {
    const k = ev as KeyboardEvent;
    if (k.target !== el || k.altKey || k.ctrlKey || k.metaKey) return;
    if (k.key === 'Enter' || k.key === ' ') {
      k.preventDefault();
      onActivate(k);
    }
  });
  return el;
}

/** Percent width through the CSSOM (allowed by the CSP, unlike style="…"). */
export function setWidth(el: HTMLElement, fraction: number): void {
  el.style.width = `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`;
}

export function setLeft(el: HTMLElement, fraction: number): void {
  el.style.left = `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`;
}
