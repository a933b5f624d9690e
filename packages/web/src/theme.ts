import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm public-sector blue; shade 8 carries white text well above 4.5:1.
const samsyn: MantineColorsTuple = [
  '#eaf1fb', '#d3e0f3', '#a6c0e6', '#759ed9', '#4c81ce', '#326fc7', '#2563b8', '#1d4f91', '#173f74', '#0f2c54',
];

export const theme = createTheme({
  primaryColor: 'samsyn',
  primaryShade: 7,
  colors: { samsyn },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Users who ask their system for less motion get no transitions.
  respectReducedMotion: true,
});

/** Mantine's dimmed, placeholder and error colours are below 4.5:1 on white; these pass WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
