import type { Problem } from '../api.js';
import { useLang, type Key } from '../i18n.js';

/** An API problem as the reader sees it: the title, the detail naming the field, and every listed problem. */
export function ProblemBox({ problem, title }: { problem: Problem; title?: Key }) {
  const { t } = useLang();
  return (
    <div class="problem" role="alert">
      <strong>{title ? t(title) : problem.title}</strong>
      {problem.problems?.length ? (
        <ul>
          {problem.problems.map((p) => (
            <li key={p.path + p.message}>
              <code>{p.path}</code>: {p.message}
              {p.suggestions?.length ? <> ({p.suggestions.join(', ')})</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{problem.detail}</p>
      )}
    </div>
  );
}
