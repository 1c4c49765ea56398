import type en from '../en/glossary';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
