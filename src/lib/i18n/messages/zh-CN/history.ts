import type en from '../en/history';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
