import type en from '../en/pane';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
