// A small Markdown renderer that builds Preact nodes, never HTML strings: raw HTML in a description is shown as
// text, links are kept only for http(s) and mailto, and images are not fetched (the app talks to no other host).
import type { ComponentChildren, JSX } from "preact";

const safeHref = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

// Inline spans, first match wins: code, bold, italic, link, image.
const inlinePattern = /(`+)([^`]+?)\1|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|(!?)\[([^\]]*)\]\(([^)\s]*)\)/;

export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let rest = text;
  while (rest) {
    const m = inlinePattern.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    if (m[2] !== undefined) out.push(<code>{m[2]}</code>);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(<strong>{inline(m[3] ?? m[4])}</strong>);
    else if (m[5] !== undefined || m[6] !== undefined) out.push(<em>{inline(m[5] ?? m[6])}</em>);
    else if (m[7] === "!") out.push(<span class="md-image">[image: {m[8] || "untitled"}]</span>);
    else if (safeHref(m[9])) {
      out.push(
        <a href={m[9]} rel="noopener noreferrer nofollow" target="_blank">
          {inline(m[8])}
        </a>,
      );
    } else out.push(m[8]);
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

type Block = JSX.Element;

export function Markdown({ source }: { source: string }) {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      i++;
      blocks.push(
        <pre>
          <code>{code.join("\n")}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      // Descriptions sit under the page's own h1/h2, so their headings start at h3.
      const level = Math.min(6, heading[1].length + 2);
      const Tag = `h${level}` as "h3";
      blocks.push(<Tag>{inline(heading[2])}</Tag>);
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: ComponentChildren[] = [];
      for (; i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i]); i++) {
        items.push(<li>{inline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, ""))}</li>);
      }
      blocks.push(ordered ? <ol>{items}</ol> : <ul>{items}</ul>);
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && /^>\s?/.test(lines[i]); i++) quoted.push(lines[i].replace(/^>\s?/, ""));
      blocks.push(<blockquote>{inline(quoted.join(" "))}</blockquote>);
      continue;
    }
    const paragraph: string[] = [];
    for (; i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s)/.test(lines[i]); i++) {
      paragraph.push(lines[i].trim());
    }
    if (!paragraph.length) paragraph.push(lines[i++]);
    blocks.push(<p>{inline(paragraph.join(" "))}</p>);
  }
  return <div class="markdown">{blocks}</div>;
}
