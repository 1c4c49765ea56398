import type en from '../en/storage';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
