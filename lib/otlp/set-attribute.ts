import type { AttributeValue, Attributes } from "./types";

/** Stores an attribute, so that a `__proto__` key does not replace the object's prototype. */
export function setAttribute(target: Attributes, key: string, value: AttributeValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
