import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Logo({ size = 28, outlined = false }: { size?: number; outlined?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#1d4f91" stroke={outlined ? '#fff' : 'none'} strokeWidth={outlined ? 2 : 0} />
      <circle cx="12" cy="16" r="7" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="20" cy="16" r="7" fill="none" stroke="#fff" strokeWidth="2.5" />
    </svg>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand" aria-label={t('app.home')}>
      <Logo />
      <span className="brand-name">{t('app.name')}</span>
    </Link>
  );
}
