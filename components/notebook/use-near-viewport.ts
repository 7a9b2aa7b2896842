"use client";
// True once an element comes within ~1.5 screens of the viewport (and stays true): outputs and
// highlighting are made for cells someone may look at, not for all of a 300-cell notebook.
import { useEffect, useState, type RefObject } from "react";

type Callback = (near: boolean) => void;
const callbacks = new WeakMap<Element, Callback>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) callbacks.get(entry.target)?.(true);
    },
    { rootMargin: "150% 0px 150% 0px" },
  );
  return observer;
}

export function useNearViewport(ref: RefObject<Element | null>, force = false): boolean {
  const [near, setNear] = useState(force);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    callbacks.set(element, (value) => value && setNear(true));
    const io = shared();
    io.observe(element);
    return () => {
      io.unobserve(element);
      callbacks.delete(element);
    };
  }, [ref, near]);
  return near || force;
}
