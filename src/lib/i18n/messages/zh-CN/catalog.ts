import type en from '../en/catalog';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
