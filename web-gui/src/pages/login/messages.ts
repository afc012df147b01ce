export const en = {
  title: 'Log in',
  intro: 'Log in to upload, find and look at your project’s data.',
  username: 'User name',
  password: 'Password',
  submit: 'Log in',
  submitting: 'Logging in…',
  expired: 'Your session expired. Log in again to go on where you were.',
  loggedOut: 'You are logged out.',
  required: 'Enter your user name and password.',
};

export const fr: typeof en = {
  title: 'Connexion',
  intro: 'Connectez-vous pour déposer, retrouver et consulter les données de votre projet.',
  username: 'Nom d’utilisateur',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  expired: 'Votre session a expiré. Reconnectez-vous pour reprendre où vous en étiez.',
  loggedOut: 'Vous êtes déconnecté.',
  required: 'Saisissez votre nom d’utilisateur et votre mot de passe.',
};
