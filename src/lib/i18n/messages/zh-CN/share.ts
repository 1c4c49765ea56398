import type en from '../en/share';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
