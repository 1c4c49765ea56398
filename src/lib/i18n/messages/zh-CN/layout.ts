import type en from '../en/layout';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
