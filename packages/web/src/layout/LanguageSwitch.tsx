import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, supportedLanguages } from '../i18n/index.ts';

/** Two toggle buttons, each named in its own language; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('language.label')}>
      {supportedLanguages.map((language) => {
        const selected = i18n.language === language;
        return (
          <Button
            key={language}
            size="xs"
            variant={selected ? 'filled' : 'default'}
            lang={language}
            aria-pressed={selected}
            onClick={() => void changeLanguage(language)}
          >
            {t(`language.${language}`)}
          </Button>
        );
      })}
    </Group>
  );
}
