import type { ProjectView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';

/**
 * The driver diagram twice: an SVG picture (aim → primary → secondary drivers → change ideas),
 * hidden from screen readers, and the same tree as a nested list that everyone can read.
 */
export function DriverDiagram({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const primaries = project.drivers.filter((d) => d.parentId === null);
  const secondaries = (id: string) => project.drivers.filter((d) => d.parentId === id);
  const ideas = (id: string) => project.changeIdeas.filter((c) => c.driverId === id);
  const rows: { primary: string; secondary: string; ideas: string }[] = primaries.flatMap((p) => {
    const s = secondaries(p.id);
    return s.length === 0 ? [{ primary: p.title, secondary: '', ideas: ideas(p.id).map((i) => i.title).join('; ') }] : s.map((x) => ({ primary: p.title, secondary: x.title, ideas: [...ideas(x.id), ...ideas(p.id)].map((i) => i.title).join('; ') }));
  });
  const h = Math.max(1, rows.length) * 60 + 20;
  const box = (x: number, y: number, text: string, key: string) => (
    <g key={key}>
      <rect x={x} y={y} width={190} height={46} rx={6} fill="#f1f3f5" stroke="#495057" />
      <text x={x + 8} y={y + 27} fontSize={12} fill="#212529">{text.length > 30 ? `${text.slice(0, 29)}…` : text}</text>
    </g>
  );
  return (
    <div>
      <svg viewBox={`0 0 840 ${h}`} width="100%" aria-hidden="true" data-driver-diagram>
        {box(0, h / 2 - 23, project.aimWhat, 'aim')}
        {rows.map((r, i) => (
          <g key={i}>
            <line x1={190} y1={h / 2} x2={215} y2={i * 60 + 33} stroke="#868e96" />
            {box(215, i * 60 + 10, r.primary, 'p')}
            {r.secondary && box(430, i * 60 + 10, r.secondary, 's')}
            {r.ideas && box(645, i * 60 + 10, r.ideas, 'c')}
          </g>
        ))}
      </svg>
      <ul aria-label={t('improvement.driverList')}>
        <li>
          {t('improvement.aim')}: {project.aimWhat}
          <ul>
            {primaries.map((p) => (
              <li key={p.id}>
                {t('improvement.primaryDriver')}: {p.title}
                <ul>
                  {secondaries(p.id).map((s) => (
                    <li key={s.id}>
                      {t('improvement.secondaryDriver')}: {s.title}
                      {ideas(s.id).length > 0 && <ul>{ideas(s.id).map((c) => <li key={c.id}>{t('improvement.changeIdea')}: {c.title}</li>)}</ul>}
                    </li>
                  ))}
                  {ideas(p.id).map((c) => <li key={c.id}>{t('improvement.changeIdea')}: {c.title}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      </ul>
    </div>
  );
}
