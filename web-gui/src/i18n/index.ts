// English and French. Each page keeps its words in its own namespace (pages/<page>/messages.ts), so that a page's
// texts live next to its code; `common` holds what every page shares.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';
import * as login from '../pages/login/messages';
import * as home from '../pages/home/messages';
import * as upload from '../pages/upload/messages';
import * as tracking from '../pages/tracking/messages';
import * as catalog from '../pages/catalog/messages';
import * as object from '../pages/object/messages';
import * as visualise from '../pages/visualise/messages';
import * as templates from '../pages/templates/messages';
import * as admin from '../pages/admin/messages';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'zonelake.language';

const namespaces = { common, login, home, upload, tracking, catalog, object, visualise, templates, admin };

function resources(language: Language) {
  return Object.fromEntries(Object.entries(namespaces).map(([name, messages]) => [name, messages[language]]));
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: resources('en'), fr: resources('fr') },
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
