import { createRoot } from 'react-dom/client';
import { getReviewApi } from './api.ts';
import { AppRoot } from './AppRoot.tsx';
import { createI18n } from './i18n/i18n.ts';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html lacks #root');
createRoot(container).render(<AppRoot api={getReviewApi()} i18n={createI18n('en')} />);
