import type en from '../en/setEditor';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
