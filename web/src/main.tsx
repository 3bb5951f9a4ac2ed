import { render } from 'preact';
import { App } from './app.js';
import { getLang } from './i18n.js';
import { interceptLinks } from './router.js';
import './styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = getLang();
interceptLinks(root);
render(<App />, root);
