import { createTheme, Modal, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm public-sector blue; shade 8 carries white text well above 4.5:1.
const samsyn: MantineColorsTuple = [
  '#eaf1fb', '#d3e0f3', '#a6c0e6', '#759ed9', '#4c81ce', '#326fc7', '#2563b8', '#1d4f91', '#173f74', '#0f2c54',
];

// Red and orange (warnings, emergency access, withdrawal) with shade 7 — the one Mantine uses for
// filled buttons and light-variant text here — dark enough for 4.5:1 on white and on their own tints.
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#e03131', '#b02525', '#9b1f1f', '#801919'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#e8590c', '#9a4a08', '#853f06', '#6e3405'];

export const theme = createTheme({
  primaryColor: 'samsyn',
  primaryShade: 7,
  colors: { samsyn, red, orange },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Users who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  components: {
    // A dialog's <header> would count as a second banner landmark beside the page's own; the
    // dialog is already named by its title, so its header is plain layout.
    // (Mantine passes `attributes` to inner elements at run time; its theme types leave it out.)
    Modal: Modal.extend({ defaultProps: { attributes: { header: { role: 'none' } } } as never }),
  },
});

/** Mantine's dimmed, placeholder and error colours are below 4.5:1 on white; these pass WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
