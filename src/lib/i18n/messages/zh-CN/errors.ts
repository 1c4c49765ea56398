import type en from '../en/errors';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
