namespace Shop.Contracts
{
    public static class KnownScopes
    {
        // Constants are usable in constant contexts (attributes, switch labels, other constants).
        public const string VoidInvoice = Scopes.Invoice.Void;

        public static bool IsRead(string scope)
        {
            switch (scope)
            {
                case Scopes.Invoice.Read:
                    return true;
                default:
                    return false;
            }
        }
    }
}
