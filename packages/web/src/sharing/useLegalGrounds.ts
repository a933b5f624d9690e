import { useQuery } from '@tanstack/react-query';
import type { LegalGround, LegalGroundKind, LegalGroundView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

export type KindedLegalGround = LegalGroundView & { kind: LegalGroundKind };

/** The legal grounds in force today of these kinds (titles in the UI language); grounds are data, not code. */
export function useLegalGrounds(kinds: readonly LegalGroundKind[], enabled = true) {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['legal-grounds', language],
    queryFn: () => api<LegalGround[]>('GET', '/api/legal-grounds'),
    select: (grounds): KindedLegalGround[] =>
      grounds.filter((g) => kinds.includes(g.kind)).map((g) => ({ code: g.code, kind: g.kind, title: language === 'en' ? g.titleEn : g.titleSv, reference: g.reference })),
    enabled,
    staleTime: 5 * 60_000,
  });
}
