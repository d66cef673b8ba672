// History routing under /app/… (the Gateway answers index.html there) so the API's own paths stay the API's.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();

export function navigate(to: string) {
  history.pushState(null, "", to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useLocation(): URL {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return new URL(location.href);
}

export const routes = {
  home: () => "/",
  dao: (path: string) => `/app/daos/${path}`,
  proposal: (id: string) => `/app/proposals/${id}`,
  voter: (address: string) => `/app/voters/${address}`,
  program: (dao: string, n: number) => `/app/daos/${dao}/programs/${n}`,
  grant: (dao: string, n: number, m: number) => `/app/daos/${dao}/programs/${n}/grants/${m}`,
  operator: () => "/app/operator",
  audit: () => "/app/audit",
};

export function Link(props: { href: string; children: ComponentChildren; class?: string; "aria-current"?: "page" }) {
  return (
    <a
      {...props}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
