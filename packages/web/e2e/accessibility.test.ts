import { scanEveryPage, screens } from './accessibility-scans.ts';

// Every page at 1280 px, in both languages (the 390 px phone is accessibility-phone.test.ts).
scanEveryPage(screens.desktop);
