import { scanEveryPage, screens } from './accessibility-scans.ts';

// Every page on a 390 px wide phone, in both languages: also that nothing scrolls sideways.
scanEveryPage(screens.phone);
