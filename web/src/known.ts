// Roots this browser has founded or opened, kept in localStorage, plus the quick start's "blocktrack": shown beside
// the cluster's own list (GET /daos), so a path opened before it is founded still has its place in the tree.
const key = "blocktrack.roots";

export function knownRoots(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? "[]") as string[];
    return [...new Set(["blocktrack", ...stored])];
  } catch {
    return ["blocktrack"];
  }
}

export function rememberRoot(path: string) {
  const root = path.split("/")[0];
  const roots = knownRoots();
  if (!roots.includes(root)) localStorage.setItem(key, JSON.stringify([...roots, root]));
}
