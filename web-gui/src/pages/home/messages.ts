export const en = {
  title: 'Home',
  quickLinks: 'Quick links',
  links: { upload: 'Upload files', catalog: 'Search the catalog', tracking: 'Track uploads and runs' },
  latest: {
    title: 'Latest objects',
    all: 'All objects in the catalog',
    name: 'Name',
    type: 'Type',
    size: 'Size',
    date: 'Uploaded',
    uploader: 'Uploader',
    empty: 'Nothing uploaded yet.',
  },
  problems: {
    title: 'Runs that need attention',
    none: 'No recent run failed or was left unhandled.',
    summary: 'Recently failed: {{failed}}; not handled: {{notHandled}}.',
    atLeast: '{{count}} or more',
    seeTracking: 'See them all in Tracking.',
    object: 'object {{id}}',
  },
};

export const fr: typeof en = {
  title: 'Accueil',
  quickLinks: 'Accès rapides',
  links: { upload: 'Déposer des fichiers', catalog: 'Chercher dans le catalogue', tracking: 'Suivre dépôts et traitements' },
  latest: {
    title: 'Derniers objets',
    all: 'Tous les objets du catalogue',
    name: 'Nom',
    type: 'Type',
    size: 'Taille',
    date: 'Déposé le',
    uploader: 'Déposé par',
    empty: 'Rien n’a encore été déposé.',
  },
  problems: {
    title: 'Traitements à examiner',
    none: 'Aucun traitement récent n’a échoué ni été laissé non traité.',
    summary: 'En échec récemment : {{failed}} ; non traités : {{notHandled}}.',
    atLeast: '{{count}} ou plus',
    seeTracking: 'Les voir tous dans le Suivi.',
    object: 'objet {{id}}',
  },
};
