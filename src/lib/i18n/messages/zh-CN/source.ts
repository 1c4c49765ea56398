import type en from '../en/source';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
